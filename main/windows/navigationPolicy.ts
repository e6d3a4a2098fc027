import { isAppUrl } from '../transport/schemes';

// Decisions of the window guards, kept free of Electron so they are unit-tested.

/** A page may only ever show the app itself; every other navigation is cancelled. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

const MAX_EXTERNAL_URL = 2048;

function hasControlOrSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return true;
  }
  return false;
}

/**
 * The URL to hand to the system browser for a link the page asked to open in a new
 * window, or null to drop it. Only plain http(s) links qualify: no credentials (a classic
 * phishing disguise), no control characters or spaces, a host, a sane length. Never
 * file:, javascript:, custom schemes or anything the OS would run.
 */
export function externalLinkTarget(url: string): string | null {
  if (url.length > MAX_EXTERNAL_URL || hasControlOrSpace(url)) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (!u.hostname || u.username || u.password) return null;
  return u.href;
}
