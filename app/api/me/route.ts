import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute({ access: ["EDITOR", "ANALYST", "ADMIN"] }, async ({ actor }) => ({ user: actor }));
