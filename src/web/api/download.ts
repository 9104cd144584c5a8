/** POSTs a request whose answer is a file, and saves it (tracing exports, a family's printed cards). */
import { apiErrorOf } from './client.js';
import { currentLang } from '../i18n/index.js';

export async function downloadPost(path: string, body: unknown, fallbackName: string) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': currentLang() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) throw await apiErrorOf(res);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
