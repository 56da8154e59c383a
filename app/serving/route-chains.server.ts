// Route matching done once per address instead of on every request. Remix matches each request
// against the whole route tree two to five times, and each time the router flattens and ranks all
// of the tree's routes and compiles a pattern for each route it tries (about 0.3 ms a time for
// this app's ~80 routes). Here a request's path is matched against the whole tree once (and the
// answer kept for the next request to the same path); the request then goes to a Remix handler
// made for that route chain (root … leaf), whose build lists every route but links only the
// chain's routes into the tree, so Remix's own matching walks two to four routes. Before an
// address is sent to a chain's handler, the chain's tree is matched against it too: the handler is
// used only when it gives the very matches (routes, params, pathnames) the whole tree gives, and
// the whole-tree handler answers otherwise, and for every address that no route matches (404).
import { matchRoutes } from "@remix-run/react";
import type { ServerBuild } from "@remix-run/node";

type RouteManifest = ServerBuild["routes"];

/** A route as Remix's request handler builds its tree for matching (server-runtime createRoutes). */
type MatchRoute = { id: string; path?: string; caseSensitive?: boolean } & (
  { index: true; children?: undefined } | { index?: false; children: MatchRoute[] }
);

// A parent no route has: a route filed under it is in the build (its module is there for renders,
// headers and error pages) but in no tree Remix matches against.
const OUTSIDE = "\u0000outside-this-chain";

/** The tree as @remix-run/server-runtime makes it: children grouped by parentId, in manifest order. */
function treeOf(routes: RouteManifest): MatchRoute[] {
  const byParent = new Map<string, Array<NonNullable<RouteManifest[string]>>>();
  for (const route of Object.values(routes)) {
    if (!route) continue;
    const parent = route.parentId || "";
    byParent.set(parent, [...(byParent.get(parent) ?? []), route]);
  }
  // The router refuses an index route with children; an index route here never has any (Remix's
  // route files cannot make one).
  const under = (parent: string): MatchRoute[] =>
    (byParent.get(parent) ?? []).map(({ id, path, caseSensitive, index }) =>
      index ? { id, path, caseSensitive, index } : { id, path, caseSensitive, children: under(id) },
    );
  return under("");
}

/** The build with every route outside `chain` filed under a parent that does not exist. */
function chainBuild(build: ServerBuild, chain: ReadonlySet<string>): ServerBuild {
  const routes: RouteManifest = {};
  for (const [id, route] of Object.entries(build.routes)) routes[id] = route && !chain.has(id) ? { ...route, parentId: OUTSIDE } : route;
  return { ...build, routes };
}

type Matches = ReturnType<typeof matchRoutes<MatchRoute>>;

function sameMatches(a: Matches, b: Matches): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.length === b.length &&
    a.every((m, i) => {
      const n = b[i]!;
      const keys = Object.keys(m.params);
      return (
        m.route.id === n.route.id &&
        m.pathname === n.pathname &&
        m.pathnameBase === n.pathnameBase &&
        keys.length === Object.keys(n.params).length &&
        keys.every((key) => m.params[key] === n.params[key])
      );
    })
  );
}

export interface RouteChainOptions {
  /** Addresses whose handler is kept (crafted addresses cannot grow memory past this). */
  maxPaths?: number;
  /** Longer paths are matched every time, not kept. */
  maxPathLength?: number;
}

/**
 * Hands out, for a request's URL pathname (as `new URL(request.url).pathname`, what Remix matches),
 * the Remix handler to answer it: one made by `makeHandler` for the route chain the path matches,
 * or the one for the whole build.
 */
export function createRouteChains<Handler>(
  build: ServerBuild,
  makeHandler: (build: ServerBuild) => Handler,
  options: RouteChainOptions = {},
) {
  const maxPaths = options.maxPaths ?? 2000;
  const maxPathLength = options.maxPathLength ?? 512;
  const whole = makeHandler(build);
  const tree = treeOf(build.routes);
  const chains = new Map<string, { tree: MatchRoute[]; handler: Handler }>();
  const byPath = new Map<string, Handler>();
  // Remix answers these from the whole tree before it matches the address: the route manifest asked
  // for by the browser (lazy route discovery), and single-fetch `.data` requests (a different path).
  const manifestPath = `${build.basename ?? "/"}/__manifest`.replace(/\/+/g, "/");

  function choose(pathname: string): Handler {
    if (pathname === manifestPath || (build.future.v3_singleFetch && pathname.endsWith(".data"))) return whole;
    const matches = matchRoutes(tree, pathname, build.basename);
    if (!matches) return whole;
    const ids = matches.map((m) => m.route.id);
    const key = ids.join("\n");
    let chain = chains.get(key);
    if (!chain) {
      const subset = chainBuild(build, new Set(ids));
      chain = { tree: treeOf(subset.routes), handler: makeHandler(subset) };
      chains.set(key, chain);
    }
    return sameMatches(matchRoutes(chain.tree, pathname, build.basename), matches) ? chain.handler : whole;
  }

  return {
    handlerFor(pathname: string): Handler {
      const known = byPath.get(pathname);
      if (known !== undefined) return known;
      const handler = choose(pathname);
      if (pathname.length <= maxPathLength) {
        if (byPath.size >= maxPaths) byPath.delete(byPath.keys().next().value!);
        byPath.set(pathname, handler);
      }
      return handler;
    },
    /** The handler for the whole build (for tests: what every chain must agree with). */
    whole,
  };
}
