import { createContext, useContext, useState, type ReactNode } from 'react';
import { currentLang, messages, setLang, type Lang, type Messages } from '../i18n/index.js';

const LangContext = createContext<{ lang: Lang; t: Messages; toggle(): void } | null>(null);

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setState] = useState<Lang>(currentLang());
  const toggle = () => {
    const next = lang === 'vi' ? 'en' : 'vi';
    setLang(next);
    setState(next);
  };
  return <LangContext.Provider value={{ lang, t: messages(lang), toggle }}>{children}</LangContext.Provider>;
}

export function useT() {
  const value = useContext(LangContext);
  if (!value) throw new Error('useT outside LangProvider');
  return value;
}
