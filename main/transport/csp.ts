/**
 * One Content-Security-Policy for both shells. No inline scripts, no eval, no remote
 * hosts; images and media only from the app itself (assets come through the guarded
 * route or the confined protocol) and blobs made by the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data: concord-asset:",
  "media-src 'self' blob: concord-asset:",
  "connect-src 'self' concord-asset:",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
