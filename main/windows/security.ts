import { app, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { externalLinkTarget, mayNavigate } from './navigationPolicy';

/**
 * Session-wide: the app needs no camera, microphone, geolocation, notifications, USB,
 * serial, HID or clipboard-read permission, so every request and check is refused.
 */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Per page: it may only navigate within the app; new windows are never created (an
 * http(s) link the user clicked goes to the system browser after externalLinkTarget's
 * check); <webview> cannot be attached.
 */
export function guardWebContents(contents: WebContents): void {
  const deny = (event: { preventDefault(): void }, url: string) => {
    if (mayNavigate(url)) return;
    event.preventDefault();
    console.warn(`[concord] blocked navigation to ${url}`);
  };
  contents.on('will-navigate', (event) => deny(event, event.url));
  contents.on('will-frame-navigate', (event) => deny(event, event.url));
  contents.on('will-redirect', (event) => deny(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external) void shell.openExternal(external);
    else console.warn(`[concord] blocked window.open(${url})`);
    return { action: 'deny' };
  });
}

/** Applies the per-page guards to every WebContents the app ever creates. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
