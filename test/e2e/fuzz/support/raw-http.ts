import { Agent, request } from 'node:http';
import type { Request } from './variants';

export interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Sends a request exactly as built — a raw path with whatever percent-escapes it has, a body on a GET,
 * any Content-Encoding — over keep-alive connections (fetch would normalise or refuse some of these).
 */
export class RawHttp {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });

  constructor(
    private readonly base: URL,
    private readonly token: string,
  ) {}

  send(req: Request): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method: req.method,
          path: req.path,
          agent: this.agent,
          headers: {
            ...req.headers,
            authorization: `Bearer ${this.token}`,
            ...(req.body ? { 'content-length': String(req.body.length) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8').slice(0, 2000),
            }),
          );
          res.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(req.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
