// One titled section of a panel: the heading names the section for screen readers (aria-labelledby).
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0 },
  heading: { margin: 0 },
});

export interface PanelSectionProps {
  id: string;
  title: ReactNode;
  /** The heading level: h2 in a panel, h3 inside the Panduan item. */
  as?: "h2" | "h3";
  children?: ReactNode;
}

export function PanelSection({ id, title, as = "h2", children }: PanelSectionProps) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Text as={as} id={id} weight="semibold" size={300} className={styles.heading}>
        {title}
      </Text>
      {children}
    </section>
  );
}
