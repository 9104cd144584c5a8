/**
 * A map tile server on loopback, as a province would run one for MAP_TILE_URL: real 256×256 PNG tiles
 * (a pale square with its z/x/y drawn as a border pattern), and a count of the tiles it served.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PNG } from 'pngjs';

export interface TileServer {
  /** `http://127.0.0.1:port/{z}/{x}/{y}.png` */
  url: string;
  served(): number;
  stop(): Promise<void>;
}

function tile(z: number, x: number, y: number): Buffer {
  const png = new PNG({ width: 256, height: 256 });
  for (let py = 0; py < 256; py++)
    for (let px = 0; px < 256; px++) {
      const i = (py * 256 + px) * 4;
      const edge = px < 2 || py < 2;
      const shade = (x + y + z) % 2 ? 236 : 226;
      png.data[i] = edge ? 160 : shade;
      png.data[i + 1] = edge ? 190 : shade + 10;
      png.data[i + 2] = edge ? 175 : shade;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}

export async function startTileServer(): Promise<TileServer> {
  let served = 0;
  const server = createServer((req, res) => {
    const m = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '');
    if (!m) return res.writeHead(404).end();
    served += 1;
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
    res.end(tile(Number(m[1]), Number(m[2]), Number(m[3])));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    served: () => served,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
