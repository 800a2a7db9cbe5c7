import type { Role } from "@/generated/prisma/enums";

/** Who is asking, in which workspace, with which role. Every data-access function takes one. */
export interface Actor {
  userId: string;
  workspaceId: string;
  role: Role;
}
