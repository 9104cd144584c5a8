/** POSTs a request whose answer is a file, and saves it (tracing exports). */
import { ApiError } from '../../api/client.js';
import { currentLang } from '../../i18n/index.js';

export async function downloadPost(path: string, body: unknown, fallbackName: string) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': currentLang() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const err = (await res.json().catch(() => null))?.error;
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? res.statusText);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
