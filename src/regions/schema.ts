import { index, pgTable, text } from "drizzle-orm/pg-core";

/** Kemendagri administrative areas (from idn-area-data), codes dotted as Kemendagri writes them: 64.01.05.2001. */
export const regions = pgTable(
  "regions",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    level: text("level", { enum: ["province", "regency", "district", "village"] }).notNull(),
    parentCode: text("parent_code"),
  },
  (t) => [index("regions_parent_idx").on(t.parentCode)],
);
