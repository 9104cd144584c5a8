/** Camera QR scanning with ZXing (@zxing/browser). The same code seen again within a few seconds is ignored. */
import { BrowserQRCodeReader, type IScannerControls } from '@zxing/browser';
import { useEffect, useRef, useState } from 'react';

/** A card held in front of the camera is read many times a second; count it once per this window. */
const REPEAT_WINDOW_MS = 4000;

export function useCamera(onCode: (text: string) => void) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const controls = useRef<IScannerControls | null>(null);
  const last = useRef<{ text: string; at: number } | null>(null);
  const callback = useRef(onCode);
  callback.current = onCode;

  const start = async () => {
    setError(null);
    try {
      const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
      controls.current = await reader.decodeFromVideoDevice(undefined, videoRef.current!, (result) => {
        if (!result) return;
        const text = result.getText();
        const now = Date.now();
        if (last.current && last.current.text === text && now - last.current.at < REPEAT_WINDOW_MS) return;
        last.current = { text, at: now };
        callback.current(text);
      });
      setRunning(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const stop = () => {
    controls.current?.stop();
    controls.current = null;
    setRunning(false);
  };

  useEffect(() => () => controls.current?.stop(), []);
  return { videoRef, running, error, start, stop };
}
