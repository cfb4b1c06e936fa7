import {
  AppShell,
  Box,
  Burger,
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useIsFetching, useIsMutating } from "@tanstack/react-query";
import { Suspense, useEffect, useState } from "react";
import { Link, Outlet, ScrollRestoration, useLocation } from "react-router";
import { roleCan } from "../../../src/access/permissions.ts";
import type { Language } from "../../../src/i18n/index.ts";
import { queueStatuses } from "../../../src/workflow/engine.ts";
import { useAuth } from "../access/auth.tsx";
import { DemoBanner } from "../access/DemoBanner.tsx";
import { areaLevel, type SessionUser } from "../access/roles.ts";
import { type Translate, useLanguage, useT } from "../i18n/language.tsx";
import { canSeeOverlap } from "../matching/abilities.ts";
import { LoadingState } from "../ui/states.tsx";
import classes from "./Shell.module.css";

export function areaLabel(t: Translate, user: SessionUser): string {
  const level = areaLevel(user.area);
  if (level === "regency") return `${t("AREA_REGENCY")} (${user.area.name})`;
  return user.area.name;
}

export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  const t = useT();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("LANGUAGE")}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: "id", label: <span title={t("LANGUAGE_ID")}>ID</span> },
        { value: "en", label: <span title={t("LANGUAGE_EN")}>EN</span> },
      ]}
    />
  );
}

/** A thin bar at the top while anything loads or saves, so a slow connection never looks like a frozen app. */
function ActivityBar() {
  const t = useT();
  const busy = useIsFetching() + useIsMutating() > 0;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!busy) {
      setShown(false);
      return;
    }
    // Answers faster than this need no indicator; flashing one on every click is noise.
    const timer = setTimeout(() => setShown(true), 200);
    return () => clearTimeout(timer);
  }, [busy]);
  if (!shown) return null;
  return (
    <div className={classes.activity} role="progressbar" aria-label={t("BUSY")}>
      <div className={classes.activityBar} />
    </div>
  );
}

export function Shell() {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { user, abilities, logout, session } = useAuth();
  const location = useLocation();

  const links = [
    { to: "/", label: t("NAV_HOME"), show: true, exact: true },
    {
      to: "/antrian",
      label: t("NAV_QUEUE"),
      show: user ? roleCan(user.role, "workflow.queue") && queueStatuses(user.role).length > 0 : true,
    },
    { to: "/penduduk", label: t("NAV_PERSONS"), show: abilities.readRegistry },
    {
      to: "/pendataan",
      label: t("NAV_FIELD_REGISTRATION"),
      show: user ? roleCan(user.role, "registration.submit") : true,
    },
    { to: "/program", label: t("NAV_PROGRAMS"), show: abilities.readPrograms },
    { to: "/peringkat", label: t("NAV_RANKING"), show: user ? roleCan(user.role, "ranking.read") : true },
    { to: "/tumpang-tindih", label: t("NAV_OVERLAP"), show: canSeeOverlap(user) },
    { to: "/impor", label: t("NAV_IMPORTS"), show: user ? roleCan(user.role, "import.read") : false },
    {
      to: "/rekonsiliasi",
      label: t("NAV_RECONCILIATION"),
      show: user ? roleCan(user.role, "reconciliation.read") : false,
    },
    {
      to: "/pengaduan",
      label: t("NAV_COMPLAINTS"),
      show: user ? roleCan(user.role, "complaint.read") || roleCan(user.role, "complaint.settings") : false,
    },
    { to: "/laporan", label: t("NAV_REPORTS"), show: user ? roleCan(user.role, "report.read") : false },
    { to: "/audit", label: t("NAV_AUDIT"), show: user ? roleCan(user.role, "audit.read") : false },
    {
      to: "/dukcapil",
      label: t("NAV_CIVIL_REGISTRY"),
      show: user
        ? roleCan(user.role, "civil_registry.verify") || roleCan(user.role, "civil_registry.read")
        : false,
    },
    { to: "/sk", label: t("NAV_DECREES"), show: user ? roleCan(user.role, "decree.read") : false },
    { to: "/pembayaran", label: t("NAV_PAYMENTS"), show: user ? roleCan(user.role, "payment.read") : false },
    {
      to: "/belum-diambil",
      label: t("NAV_UNCOLLECTED"),
      show: user ? roleCan(user.role, "payment.uncollected") : false,
    },
    {
      to: "/penerimaan",
      label: t("NAV_RECEIPTS"),
      show: user ? roleCan(user.role, "receipt.read") || roleCan(user.role, "receipt.verify") : false,
    },
    {
      to: "/portal-publik",
      label: t("NAV_PORTAL"),
      show: user ? roleCan(user.role, "publication.read") || roleCan(user.role, "objection.read") : false,
    },
    { to: "/dinas", label: t("NAV_AGENCIES"), show: abilities.manageAgencies },
    { to: "/pengguna", label: t("NAV_USERS"), show: abilities.readUsers && session.status === "signed-in" },
  ];
  const isActive = (to: string, exact?: boolean) =>
    exact ? location.pathname === to : location.pathname === to || location.pathname.startsWith(`${to}/`);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "sm", sm: "lg" }}
    >
      <ScrollRestoration />
      <a href="#main" className={classes.skip}>
        {t("SKIP_TO_CONTENT")}
      </a>
      <ActivityBar />
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("MENU_OPEN")}
              aria-expanded={opened}
            />
            <UnstyledButton component={Link} to="/" className={classes.brand}>
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <Text fw={700} fz="lg">
                {t("APP_NAME")}
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            {user && (
              <Box visibleFrom="sm" className={classes.user}>
                <Text fz="sm" fw={600} lh={1.2} data-testid="session-user">
                  {user.name}
                </Text>
                <Text fz="xs" c="dimmed" lh={1.2}>
                  {t(`ROLE_${user.role}`)} · {areaLabel(t, user)}
                </Text>
              </Box>
            )}
            {user && (
              <Button variant="default" size="xs" onClick={() => void logout()} visibleFrom="sm">
                {t("LOGOUT")}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t("NAV_MAIN")} component="nav">
        <Stack gap={2} style={{ flex: 1 }}>
          {links
            .filter((link) => link.show)
            .map((link) => (
              <NavLink
                key={link.to}
                component={Link}
                to={link.to}
                label={link.label}
                active={isActive(link.to, link.exact)}
                aria-current={isActive(link.to, link.exact) ? "page" : undefined}
                onClick={close}
              />
            ))}
        </Stack>
        {session.status === "open" && (
          <Text fz="xs" c="dimmed" mt="md">
            {t("OPEN_MODE")}
          </Text>
        )}
        {user && (
          <Stack gap={4} hiddenFrom="sm" mt="md">
            <Text fz="sm" fw={600}>
              {user.name}
            </Text>
            <Text fz="xs" c="dimmed">
              {t(`ROLE_${user.role}`)} · {areaLabel(t, user)}
            </Text>
            <Button variant="default" size="xs" onClick={() => void logout()}>
              {t("LOGOUT")}
            </Button>
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Box maw={1200} mx="auto">
          <DemoBanner />
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
