// The migrations in prisma/migrations build exactly the schema in schema.prisma.
import { describe, expect, it } from "vitest";
import { pendingSchemaChange } from "../scripts/migrations";

describe("migrations", () => {
  it("build exactly the schema in schema.prisma", () => {
    expect(pendingSchemaChange()).toBe("");
  }, 60_000);
});
