import { memo } from "react";
import { Link } from "react-router";
import type { Language } from "../../../src/i18n/index.ts";
import { formatBirth } from "../i18n/format.ts";
import type { Translate } from "../i18n/language.tsx";
import type { PersonView } from "./api.ts";
import classes from "./PersonTable.module.css";

function rtRw(person: PersonView): string {
  return person.rt || person.rw ? `${person.rt ?? "–"}/${person.rw ?? "–"}` : "–";
}

/** One page of the registry; re-rendered only when its rows or the language change. */
export const PersonTable = memo(function PersonTable({
  items,
  t,
}: {
  items: PersonView[];
  t: Translate;
  language: Language;
}) {
  return (
    <table className={classes.table}>
      <thead>
        <tr>
          <th scope="col">{t("COL_NAME")}</th>
          <th scope="col" className={classes.fromSm}>
            {t("COL_NIK")}
          </th>
          <th scope="col" className={classes.fromMd}>
            {t("COL_BIRTH")}
          </th>
          <th scope="col" className={classes.fromSm}>
            {t("COL_AREA")}
          </th>
          <th scope="col" className={classes.fromMd}>
            {t("COL_RT_RW")}
          </th>
          <th scope="col" className={classes.fromLg}>
            {t("COL_NIK_STATUS")}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((person) => (
          <tr key={person.id}>
            <td>
              <Link to={`/penduduk/${person.id}`} className={classes.name}>
                {person.name}
              </Link>
              <span className={`${classes.sub} ${classes.mono}`}>
                {person.nik ?? t("NIK_STATUS_missing")}
              </span>
              <span className={classes.sub}>
                {person.village.name}, {person.district.name}
                {person.rt ? ` · RT ${person.rt}` : ""}
              </span>
            </td>
            <td className={`${classes.fromSm} ${classes.mono}`}>{person.nik ?? "–"}</td>
            <td className={classes.fromMd}>{formatBirth(person, t.language)}</td>
            <td className={classes.fromSm}>
              {person.village.name}, {person.district.name}
            </td>
            <td className={classes.fromMd}>{rtRw(person)}</td>
            <td className={classes.fromLg}>
              <span className={`${classes.badge} ${classes[person.nikStatus]}`}>
                {t(`NIK_STATUS_${person.nikStatus}`)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
