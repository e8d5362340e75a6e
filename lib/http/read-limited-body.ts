/**
 * A request's body, read up to `limit` bytes and no further: null when it is longer, so an upload past its cap is
 * refused without being held in memory whole. Content-Length is not trusted; the bytes are counted as they come.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}
