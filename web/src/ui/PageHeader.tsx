import { Anchor, Breadcrumbs, Group, Stack, Title } from "@mantine/core";
import { type ReactNode, useEffect, useRef } from "react";
import { Link } from "react-router";

export interface Crumb {
  label: string;
  to?: string;
}

/**
 * Every page's heading. It takes focus when the page opens so a screen reader announces the new page after a
 * client-side navigation, as it would after a full load.
 */
export function PageHeader({
  title,
  crumbs,
  actions,
}: {
  title: string;
  crumbs?: Crumb[];
  actions?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Stack gap={4} mb="md">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumbs separator="›" fz="sm">
          {crumbs.map((crumb) =>
            crumb.to ? (
              <Anchor key={crumb.label} component={Link} to={crumb.to} fz="sm">
                {crumb.label}
              </Anchor>
            ) : (
              <span key={crumb.label}>{crumb.label}</span>
            ),
          )}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title
          order={1}
          fz={{ base: "h3", sm: "h2" }}
          ref={heading}
          tabIndex={-1}
          style={{ outline: "none" }}
        >
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}
