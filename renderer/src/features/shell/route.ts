/**
 * Where the user is, as the URL's hash: `#/label?asset=12&round=3`. A reload reopens the
 * same screen and item, and each screen is a history entry for the browser's back/forward.
 * The hash (not the path) works under every shell: the loopback server's `/` and Electron's
 * `concord-app://app/index.html` alike, and it never reaches the server.
 */
export interface Route {
  screen: string;
  /** The item open in the Label screen. */
  asset: number | null;
  /** The blind round the Label screen walks; null for the labeler's own queue. */
  round: number | null;
}

const SCREEN = /^[a-z][a-z0-9-]{0,39}$/;
const ID = /^[1-9][0-9]{0,11}$/;

function id(params: URLSearchParams, name: string): number | null {
  const v = params.get(name);
  return v !== null && ID.test(v) ? Number(v) : null;
}

/** The route a hash names, or null for an empty or malformed one. */
export function parseRoute(hash: string): Route | null {
  const body = hash.replace(/^#/, '').replace(/^\//, '');
  if (body === '') return null;
  const q = body.indexOf('?');
  const screen = q < 0 ? body : body.slice(0, q);
  if (!SCREEN.test(screen)) return null;
  const params = new URLSearchParams(q < 0 ? '' : body.slice(q + 1));
  return { screen, asset: id(params, 'asset'), round: id(params, 'round') };
}

export function formatRoute(route: Route): string {
  const params: string[] = [];
  if (route.asset !== null) params.push(`asset=${route.asset}`);
  if (route.round !== null) params.push(`round=${route.round}`);
  return `#/${route.screen}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}
