// Prisma's pg adapter, with one difference from SQLite smoothed over: PostgreSQL's text cannot hold
// the NUL character, and a value carrying one (a crafted query string, a pasted form field) made
// the whole query fail with a 500. SQLite stores it; here it becomes U+FFFD, the character that
// stands for one that could not be kept, so the request gets its usual answer.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";

export const withoutNul = (value: string) => (value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value);

const cleanArgs = (query: SqlQuery): SqlQuery => ({ ...query, args: query.args.map((a) => (typeof a === "string" ? withoutNul(a) : a)) });

/** Every queryRaw/executeRaw of the adapter and of its transactions gets clean arguments. */
function cleaning<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw") return (query: SqlQuery) => value.call(object, cleanArgs(query));
      if (property === "startTransaction") return async (...args: unknown[]) => cleaning(await value.apply(object, args));
      return value.bind(object);
    },
  });
}

export function postgresAdapter(connectionString: string, max: number): SqlDriverAdapterFactory {
  const inner = new PrismaPg({ connectionString, max });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => cleaning(await inner.connect()),
  };
}
