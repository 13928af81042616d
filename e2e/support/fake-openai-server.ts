// Runs the test-only fake OpenAI-compatible server for Playwright (a webServer entry in
// playwright.config.ts). GET /health answers 404 JSON, which Playwright treats as "up".
import { startFakeOpenAi } from "../../tests/support/fake-openai";

const port = Number(process.env.FAKE_OPENAI_PORT ?? 3199);
startFakeOpenAi(port).then((server) => console.log(`Fake OpenAI-compatible server on ${server.url}`));
