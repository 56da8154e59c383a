import { databaseAnswers } from "~/db.server";

export async function loader() {
  const database = await databaseAnswers();
  return Response.json(
    { ok: database, database: database ? "ok" : "unreachable" },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
