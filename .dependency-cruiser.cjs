/**
 * Layer rules that `npm run lint` enforces (dependency-cruiser): no import cycles; pure modules import no
 * database, HTTP, file system or clock; nothing imports upward into the HTTP or CLI layers.
 */
const PURE = [
  "^src/nik/",
  "^src/i18n/",
  "^src/money/",
  "^src/portal/html\\.ts$",
  "^src/[^/]+/schemas\\.ts$",
  "^src/matching/(engine|compare|normalise|model|block|cluster|explain|effect)[^/]*\\.ts$",
  "^src/ranking/(ahp|rating|selection|group|defaults)\\.ts$",
  "^src/workflow/engine\\.ts$",
  "^src/demo/(names|population|household-members|living-conditions|random|calendar|field-errors|paser-villages|source-lists|registry-demo)\\.ts$",
];

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "A cycle means two modules are one: move the shared thing down.",
      from: {},
      to: { circular: true },
    },
    {
      name: "pure-modules-do-no-io",
      severity: "error",
      comment:
        "Domain engines take the database, HTTP, files and the clock as arguments; they never import them.",
      from: { path: PURE, pathNot: "\\.(test|drill|fixture)\\.ts$" },
      to: {
        path: [
          "^src/db/",
          "^src/http/",
          "^src/cli/",
          "(^|/)store\\.ts$",
          "(^|/)routes\\.ts$",
          "node_modules/(drizzle-orm|@electric-sql|pg|fastify|@fastify)/",
        ],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "pure-modules-no-node-io",
      severity: "error",
      from: { path: PURE, pathNot: "\\.(test|drill|fixture)\\.ts$" },
      to: {
        path: "^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads)$",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "no-upward-into-http-or-cli",
      severity: "error",
      comment:
        "The HTTP server and the CLI assemble capabilities; only a capability's own HTTP edge (routes.ts, http.ts) uses the HTTP layer's shared schemas and errors.",
      from: {
        path: "^src/(?!http/|cli/)",
        pathNot: ["\\.(test|drill|fixture)\\.ts$", "/(routes|http)\\.ts$"],
      },
      to: { path: "^src/(http|cli)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "(^|/)(dist|node_modules)/" },
  },
};
