// A finding's severity as icon, colour and word together (never colour alone).
import { Badge } from "@fluentui/react-components";
import { ErrorCircleFilled, InfoFilled, WarningFilled } from "@fluentui/react-icons";
import type { Severity } from "../../domain/validation/finding";
import { useUi } from "../hooks/useUi";

const COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useUi();
  const icon = severity === "error" ? <ErrorCircleFilled /> : severity === "warning" ? <WarningFilled /> : <InfoFilled />;
  return (
    <Badge appearance="tint" color={COLOR[severity]} icon={icon} size="small">
      {t.findings.severity[severity]}
    </Badge>
  );
}
