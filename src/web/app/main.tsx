import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { currentLang } from '../i18n/index.js';
import { registerServiceWorker } from './offline.js';

document.documentElement.lang = currentLang();
createRoot(document.getElementById('root')!).render(<App />);

registerServiceWorker();
