// One HTTP request on a connection of its own (no keep-alive), as a new visitor would open: each
// lands on whichever process or server takes the next connection.
import http from "node:http";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function plainRequest(baseUrl: string, path: string, form?: Record<string, string>): Promise<Answer> {
  const url = new URL(path, baseUrl);
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: form ? "POST" : "GET",
        agent: false,
        headers: form ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body!) } : {},
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The signing form's stamp in a page: good for one submission. */
export function formStampIn(page: string): string | undefined {
  return page.match(/name="formStartedAt"[^>]*value="([^"]+)"/)?.[1] ?? page.match(/value="([^"]+)"[^>]*name="formStartedAt"/)?.[1];
}
