/** The decree capability (SK Bupati): frozen, hashed annex; maker-checker approval; PDF; public verification. */
export { type AnnexProof, checkAnnexProof } from "./annex.ts";
export { seedDemoDecree } from "./demo.ts";
export { DECREE_MESSAGES } from "./messages.ts";
export {
  createDecreePublicCache,
  type DecreePublicCache,
  type DecreePublicDeps,
  registerDecreePublicRoutes,
} from "./public.ts";
export { type DecreedRecipients, decreedRecipients, inclusionProof } from "./read.ts";
export { decreeRoutes } from "./routes.ts";
export { approveDecree, checkDecree, type Decrees, draftDecree } from "./service.ts";
