// Calls to /api/v1 with the signed-in user's bearer token: the token travels only in the
// Authorization header, never in a URL, and the server decides what the user may see.
import type { Problem } from './model';

const tokenKey = 'governance.token';

/** The token kept for this tab (sessionStorage: gone when the tab closes), if any. */
export function storedToken(): string | null {
  return sessionStorage.getItem(tokenKey);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(tokenKey, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(tokenKey);
}

/**
 * A token handed over in the address (`#token=…`, as a sign-in portal may redirect), taken out of
 * the address bar at once so that it is neither bookmarked nor left in the history.
 */
export function takeTokenFromFragment(): string | null {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token !== null) {
    history.replaceState(history.state, '', location.pathname + location.search);
  }

  return token?.trim() || null;
}

/** The API refused the token (401): the user must sign in again; `detail` says why. */
export class Unauthenticated extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/** Any other refusal or failure, with the API's problem when it sent one. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

export class Api {
  constructor(private readonly token: string) {}

  /** GET /api/v1 + path; path segments must already be encoded (see {@link unitPath}). */
  async get<T>(path: string): Promise<T> {
    const response = await fetch(`/api/v1${path}`, {
      headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
    });
    if (response.ok) {
      return (await response.json()) as T;
    }

    const problem = await readProblem(response);
    if (response.status === 401) {
      throw new Unauthenticated(problem.detail ?? problem.title ?? 'Unauthenticated');
    }

    throw new ApiError(response.status, problem);
  }
}

export function unitPath(unitId: string, rest = ''): string {
  return `/units/${encodeURIComponent(unitId)}${rest}`;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return { status: response.status, title: response.statusText };
  }
}
