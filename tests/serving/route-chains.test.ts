// Matching once per address (app/serving/route-chains.server.ts) answers every request exactly as
// Remix's handler for the whole build does: the same route, params, loader, action, error and 404,
// with every route module at hand for the page, for addresses of every shape the router ranks.
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createRouteChains } from "~/serving/route-chains.server";

type Args = { request: Request; params: Record<string, string | undefined> };
const answer = (id: string) => ({
  loader: ({ request, params }: Args) => Response.json({ id, params, url: new URL(request.url).pathname, method: "GET" }),
  action: async ({ request, params }: Args) =>
    Response.json({ id, params, method: request.method, form: Object.fromEntries(await request.formData()) }),
});
const page = (id: string) => ({ ...answer(id), default: () => null });

// Shapes the router ranks against each other: static over dynamic, index over layout, splats,
// optional segments, pathless layouts, a route that leaves its parent's layout, and a page that
// throws (its error boundary).
const manifest: Record<string, { parentId?: string; path?: string; index?: boolean; module: object }> = {
  root: { path: "", module: { ...page("root"), ErrorBoundary: () => null } },
  "routes/_index": { parentId: "root", index: true, module: page("routes/_index") },
  "routes/campaigns": { parentId: "root", path: "campaigns", module: page("routes/campaigns") },
  "routes/campaigns._index": { parentId: "routes/campaigns", index: true, module: page("routes/campaigns._index") },
  "routes/campaigns.new": { parentId: "routes/campaigns", path: "new", module: page("routes/campaigns.new") },
  "routes/campaigns.$slug": { parentId: "routes/campaigns", path: ":slug", module: page("routes/campaigns.$slug") },
  "routes/campaigns.$slug._index": { parentId: "routes/campaigns.$slug", index: true, module: page("routes/campaigns.$slug._index") },
  "routes/campaigns.$slug.write": { parentId: "routes/campaigns.$slug", path: "write", module: page("routes/campaigns.$slug.write") },
  "routes/campaigns_.$slug.embed": { parentId: "root", path: "campaigns/:slug/embed", module: page("routes/campaigns_.$slug.embed") },
  "routes/_auth": { parentId: "root", module: page("routes/_auth") },
  "routes/_auth.login": { parentId: "routes/_auth", path: "login", module: page("routes/_auth.login") },
  "routes/($lang).about": { parentId: "root", path: ":lang?/about", module: page("routes/($lang).about") },
  "routes/files.$": { parentId: "root", path: "files/*", module: answer("routes/files.$") },
  "routes/healthz": { parentId: "root", path: "healthz", module: answer("routes/healthz") },
  "routes/broken": {
    parentId: "root",
    path: "broken",
    module: {
      default: () => null,
      loader: () => {
        throw new Response("gone", { status: 410 });
      },
    },
  },
};

// The document entry says what Remix handed it: the matched routes and every route module.
const build = {
  mode: "production",
  entry: {
    module: {
      default: (_request: Request, status: number, _headers: Headers, context: EntryContextLike) =>
        Response.json(
          {
            status,
            matches: context.staticHandlerContext.matches.map((m) => [m.route.id, m.params, m.pathname]),
            loaderData: context.staticHandlerContext.loaderData,
            actionData: context.staticHandlerContext.actionData,
            errors: context.staticHandlerContext.errors,
            modules: Object.keys(context.routeModules).sort(),
          },
          { status },
        ),
      handleError: () => {},
    },
  },
  routes: Object.fromEntries(Object.entries(manifest).map(([id, route]) => [id, { id, ...route }])),
  assets: {
    routes: Object.fromEntries(Object.keys(manifest).map((id) => [id, { id, module: "" }])),
    entry: { module: "", imports: [] },
    url: "",
    version: "1",
  },
  future: { v3_lazyRouteDiscovery: true },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  isSpaMode: false,
} as unknown as ServerBuild;
interface EntryContextLike {
  staticHandlerContext: {
    matches: Array<{ route: { id: string }; params: object; pathname: string }>;
    loaderData: object;
    actionData: object | null;
    errors: object | null;
  };
  routeModules: Record<string, unknown>;
}

const made: ServerBuild[] = [];
const chains = createRouteChains(build, (b) => {
  made.push(b);
  return createRequestHandler(b, "production");
});

const addresses = [
  "/",
  "/campaigns",
  "/campaigns/",
  "/campaigns/new",
  "/campaigns/free-them",
  "/campaigns/free-them/",
  "/campaigns/free-them/write",
  "/campaigns/free-them/embed",
  "/campaigns/%E6%97%A5%F0%9F%99%82",
  "/CAMPAIGNS/NEW",
  "/login",
  "/about",
  "/de/about",
  "/files",
  "/files/a/b/c.txt",
  "/healthz",
  "/broken",
  "/nowhere",
  "/campaigns/a/b/c",
  "/__manifest",
];

const context = { cspNonce: "n", clientAddress: null };
async function both(url: string, init?: () => RequestInit) {
  const pathname = new URL(url).pathname;
  const chain = chains.handlerFor(pathname);
  const viaChain = await chain(new Request(url, init?.()), context);
  const viaWhole = await chains.whole(new Request(url, init?.()), context);
  return {
    chain: { status: viaChain.status, body: await viaChain.text(), location: viaChain.headers.get("location") },
    whole: { status: viaWhole.status, body: await viaWhole.text(), location: viaWhole.headers.get("location") },
    usedChain: chain !== chains.whole,
  };
}

describe("matching once per address", () => {
  it("answers every page, data request and resource route as the whole build does", async () => {
    for (const address of addresses)
      for (const query of ["", "?index", "?_data=root", "?_data=routes%2Fcampaigns.%24slug._index"]) {
        const { chain, whole } = await both(`http://localhost${address}${query}`);
        expect(chain, `${address}${query}`).toEqual(whole);
      }
  });

  it("answers form posts (to a layout or to its index) as the whole build does", async () => {
    for (const address of ["/campaigns/free-them", "/campaigns/free-them?index", "/login", "/files/x", "/nowhere"]) {
      const post = () => ({ method: "POST", body: new URLSearchParams({ name: "Ana" }) });
      const { chain, whole } = await both(`http://localhost${address}`, post);
      expect(chain, address).toEqual(whole);
    }
  });

  it("uses a handler that knows only the matched routes for matching, with every route module for the page", async () => {
    const { chain, usedChain } = await both("http://localhost/campaigns/free-them");
    expect(usedChain).toBe(true);
    const body = JSON.parse(chain.body) as { matches: string[][]; modules: string[] };
    expect(body.matches.map(([id]) => id)).toEqual(["root", "routes/campaigns", "routes/campaigns.$slug", "routes/campaigns.$slug._index"]);
    expect(body.modules).toEqual(Object.keys(manifest).sort());
  });

  it("leaves unknown addresses and the route manifest to the whole build, and makes one handler per route chain", async () => {
    expect(chains.handlerFor("/nowhere")).toBe(chains.whole);
    expect(chains.handlerFor("/__manifest")).toBe(chains.whole);
    const before = made.length;
    chains.handlerFor("/campaigns/another-one");
    chains.handlerFor("/campaigns/a-third-one");
    expect(made.length).toBe(before);
  });
});
