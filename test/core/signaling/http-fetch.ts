import { request as httpRequest } from 'node:http';

/** One plain-HTTP request to a server the test started on loopback. */
export interface HttpReply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export function fetchLoopback(
  url: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<HttpReply> {
  return new Promise<HttpReply>((resolve, reject) => {
    const request = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.once('error', reject);
    request.end();
  });
}
