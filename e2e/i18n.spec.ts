import { expect, test, type Page } from "@playwright/test";
import { chooseInterfaceLanguage, languageMenu } from "./pages/language-menu";

/** The header's navigation (the first <nav> of the banner). */
const nav = (page: Page) => page.getByRole("banner").getByRole("navigation");

async function expectLanguage(page: Page, lang: string, dir: "ltr" | "rtl") {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
}

test("choosing Arabic turns the interface right-to-left, keeps it across pages, and English comes back", async ({ page }) => {
  await page.goto("/");
  await expectLanguage(page, "en", "ltr");
  await expect(nav(page).getByRole("link", { name: "Leaderboard", exact: true })).toBeVisible();
  const brandLtr = await nav(page).getByRole("link", { name: "Showdown", exact: true }).boundingBox();
  const menuLtr = await languageMenu(page).boundingBox();
  expect(brandLtr!.x).toBeLessThan(menuLtr!.x);

  await chooseInterfaceLanguage(page, "ar");
  await expectLanguage(page, "ar", "rtl");
  await expect(nav(page).getByRole("link", { name: "لوحة الترتيب", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("أيّ نماذج الذكاء الاصطناعي يفضّلها الناس فعلًا؟");
  await expect(languageMenu(page)).toHaveAccessibleName("لغة الواجهة: العربية");
  // Right-to-left for real: the brand now starts the header on the right, the language menu ends it on the left.
  const brand = await nav(page).getByRole("link", { name: "Showdown", exact: true }).boundingBox();
  const menu = await languageMenu(page).boundingBox();
  expect(brand!.x).toBeGreaterThan(menu!.x);

  // The choice is a cookie: a full load of another page is still Arabic.
  await page.goto("/signin");
  await expectLanguage(page, "ar", "rtl");
  await expect(page.getByRole("main").getByRole("heading", { name: "تسجيل الدخول" })).toBeVisible();
  await expect(page.getByLabel("كلمة المرور")).toBeVisible();
  await page.goto("/models/no-such-model-anywhere");
  await expect(page.getByRole("heading", { name: "لا يوجد نموذج بهذا الاسم" })).toBeVisible();

  await chooseInterfaceLanguage(page, "en");
  await expectLanguage(page, "en", "ltr");
  await expect(page.getByRole("heading", { name: "No such model" })).toBeVisible();
  await page.goto("/");
  await expectLanguage(page, "en", "ltr");
  await expect(nav(page).getByRole("link", { name: "Leaderboard", exact: true })).toBeVisible();
});

test("a browser that asks for Brazilian Portuguese gets Portuguese on its first visit", async ({ browser }) => {
  const context = await browser.newContext({ locale: "pt-BR", extraHTTPHeaders: { "accept-language": "pt-BR,pt;q=0.9,en;q=0.8" } });
  const page = await context.newPage();
  await page.goto("/");
  await expectLanguage(page, "pt", "ltr");
  await expect(nav(page).getByRole("link", { name: "Classificação", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Começar a votar" })).toBeVisible();
  await expect(languageMenu(page)).toHaveAccessibleName("Idioma da interface: Português");
  await page.goto("/this-page-does-not-exist");
  await expect(page.getByRole("heading", { name: "Página não encontrada" })).toBeVisible();
  await context.close();
});

test("forms speak the contributor's language: labels, country names and validation errors", async ({ browser }) => {
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "es", url: test.info().project.use.baseURL! }]);
  const page = await context.newPage();
  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Crea tu cuenta" })).toBeVisible();
  await page.getByLabel("Correo electrónico").fill(`es-${Date.now()}@example.com`);
  await page.getByLabel("Contraseña").fill("corta");
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page.getByText("Usa al menos 8 caracteres para tu contraseña.")).toBeVisible();

  await page.getByLabel("Contraseña").fill("una contraseña bien larga");
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await page.waitForURL((url) => url.pathname === "/profile");
  await expect(page.getByRole("heading", { name: "Cuéntanos un poco sobre ti" })).toBeVisible();
  const country = page.getByLabel("País en el que vives");
  await expect(country.locator("option[value=BR]")).toHaveText("Brasil");
  await expect(country.locator("option[value=DE]")).toHaveText("Alemania");
  await page.getByRole("button", { name: "Guardar y continuar" }).click();
  await expect(page.getByText("Elige tu país o «Prefiero no decirlo».")).toBeVisible();
  await context.close();
});

test("the comparison and model pages read in German, with audience names from CLDR", async ({ browser, request }) => {
  const rows = ((await (await request.get("/api/leaderboard")).json()) as { rows: { name: string; rating: number | null }[] }).rows;
  const rated = rows.find((r) => r.rating !== null)!;
  const context = await browser.newContext({ locale: "de-DE", extraHTTPHeaders: { "accept-language": "de-DE,de;q=0.9" } });
  const page = await context.newPage();

  await page.goto("/leaderboard/compare?a.region=americas&b.language=en");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("Zwei Zielgruppen vergleichen");
  await expect(main.getByTestId("side-a").getByTestId("side-slice")).toHaveText("Amerika");
  await expect(main.getByTestId("side-b").getByTestId("side-slice")).toHaveText("Englisch");
  await expect(main.getByRole("form", { name: "Zielgruppe B" })).toBeVisible();

  await page.goto(`/models/${encodeURIComponent(rated.name)}`);
  await expect(main.getByRole("heading", { name: "Gesamt", exact: true })).toBeVisible();
  await expect(main.getByRole("heading", { name: "Nach Zielgruppe" })).toBeVisible();
  await expect(main.getByRole("heading", { name: "Wertungsverlauf" })).toBeVisible();
  await expect(main.getByTestId("overall-votes")).toContainText(/^\d{1,3}(\.\d{3})* von \d{1,3}(\.\d{3})* Personen/); // German digit grouping on both numbers
  await context.close();
});
