/** Renders a QR code in the browser (the card QR is already on the device; nothing is fetched). */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function QrSvg({ text, size = 260, label }: { text: string; size?: number; label: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }).then(setSvg, () =>
      setSvg(''),
    );
  }, [text]);
  return (
    <div
      className="qr-svg"
      role="img"
      aria-label={label}
      style={{ width: size, height: size }}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
