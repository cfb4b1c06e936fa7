/** Test support: a multipart/form-data body as a browser's plain form sends it. */
export function multipartForm(
  fields: Record<string, string>,
  files: readonly { name: string; filename: string; type: string; bytes: Uint8Array }[] = [],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----salur${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** The tracking code on the "received" page. */
export function codeOnPage(body: string): string {
  const match = /data-testid="tracking-code">([0-9A-Z]{5})-([0-9A-Z]{5})</.exec(body);
  if (!match)
    throw new Error(
      `no tracking code in page: ${body.slice(body.indexOf("<main"), body.indexOf("<main") + 600)}`,
    );
  return `${match[1]}${match[2]}`;
}
