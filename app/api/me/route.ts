import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute({ access: "workspace.use" }, async ({ actor }) => ({ user: actor }));
