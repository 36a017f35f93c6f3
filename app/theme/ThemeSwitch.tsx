import { MoonIcon, SunIcon } from "../components/icons.tsx";
import { useT } from "../i18n/I18nProvider.tsx";
import { appTheme } from "./init.ts";
import { useAppTheme } from "./use-app-theme.ts";
import "./theme-switch.css";

/** The header's light/dark toggle: a toggle button named "Light theme", pressed while light is on. */
export function ThemeSwitch() {
  const theme = useAppTheme();
  const t = useT();
  const label = t("app.lightTheme");
  return (
    <button
      type="button"
      className="theme-switch"
      aria-pressed={theme === "light"}
      aria-label={label}
      title={label}
      onClick={appTheme.toggle}
      data-testid="theme-switch"
    >
      {theme === "light" ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}
