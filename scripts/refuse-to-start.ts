// Imported first by the entry points: a refusal to start met while the other modules load is said in
// one paragraph on stderr with exit code 1, not as a stack trace.
import { refuseUncaughtStartupProblems } from "~/env.server";

refuseUncaughtStartupProblems();
