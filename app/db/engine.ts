// Which database engine an install runs on: SQLite (the default and the demo) or PostgreSQL, chosen
// by the scheme of DATABASE_URL alone.
export type DatabaseEngine = "sqlite" | "postgresql";

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export const engineOf = (url: string): DatabaseEngine => (isPostgresUrl(url) ? "postgresql" : "sqlite");
