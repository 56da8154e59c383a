// The one Prisma client of the app, on SQLite through better-sqlite3.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma.server/client";
import { env } from "~/env.server";

function createClient() {
  // busy timeout: a writer waits for another instead of failing at once ("database is locked").
  const adapter = new PrismaBetterSQLite3({ url: env().DATABASE_URL, timeout: 5000 });
  return new PrismaClient({ adapter });
}

declare global {
  // eslint-disable-next-line no-var
  var __prisma: PrismaClient | undefined;
}

export const prisma: PrismaClient = (globalThis.__prisma ??= createClient());

/** Once per process: WAL lets readers go on while one writer writes. */
export async function configureDatabase() {
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
}

export async function databaseAnswers(): Promise<boolean> {
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
