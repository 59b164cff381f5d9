// Seeds a fresh app through the UI and takes the README screenshots (docs/screenshots/*.png).
// Run the app on an empty database first, then, after `dotnet build tests/Strive.E2E`:
//   STRIVE_URL=http://127.0.0.1:5313/ node docs/screenshots/take-screenshots.js docs/screenshots
// It uses the Playwright driver that ships inside the Microsoft.Playwright package and Debian's Chromium.
const path = require('path');
const pw = require(path.join(__dirname, '../../tests/Strive.E2E/bin/Debug/net10.0/.playwright/package'));
const base = process.env.STRIVE_URL || 'http://127.0.0.1:5313/';
const out = process.argv[2] || __dirname;
const pass = 'Str1ve-Passw0rd!';

async function register(browser, email) {
  const ctx = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto('Account/Register');
  await page.getByTestId('register-email').fill(email);
  await page.getByTestId('register-password').fill(pass);
  await page.getByTestId('register-confirm').fill(pass);
  await page.getByTestId('register-submit').click();
  await page.waitForURL('**/goals');
  return page;
}
const ready = page => page.locator('[data-testid=milestone-board][data-interactive=true]').waitFor();

async function typeDate(page, testId, text) {
  const input = page.locator(`input[data-testid=${testId}]`);
  await input.fill(text);
  await input.press('Enter');
  await page.waitForTimeout(300);
  await input.press('Tab');
}
async function createGoal(page, title, description, isPublic, deadline) {
  await page.goto('goals');
  await page.getByTestId('new-goal').click();
  await page.getByTestId('goal-title').fill(title);
  if (description) await page.getByTestId('goal-description').fill(description);
  if (deadline) { await typeDate(page, 'goal-deadline', deadline); }
  if (isPublic) await page.getByTestId('goal-public').click();
  await page.getByTestId('create-goal').click();
  await page.waitForURL('**/goals/*');
  await ready(page);
  return page.url();
}
async function add(page, content) {
  const n = await page.getByTestId('milestone').count();
  const input = page.getByTestId('new-milestone-content');
  await input.fill(content);
  await input.press('Enter');
  await page.getByTestId('milestone').nth(n).waitFor();
}
const row = (page, content) => page.getByTestId('milestone').filter({ has: page.getByTestId('milestone-content').getByText(content, { exact: true }) });
async function status(page, content, s) {
  await row(page, content).getByTestId('milestone-status').click();
  await page.getByTestId('status-' + s).click();
  await page.waitForTimeout(400);
}
async function edit(page, content, fn) {
  await row(page, content).getByTestId('milestone-content').click();
  await page.getByTestId('editor-done').waitFor();
  await fn(page);
  await page.getByTestId('editor-done').click();
  await page.waitForTimeout(400);
}

(async () => {
  const browser = await pw.chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const stamp = Date.now();
  const maya = await register(browser, `maya.${stamp}@example.com`);
  const sam = await register(browser, `sam.${stamp}@example.com`);

  await createGoal(sam, "Cycle Land's End to John o' Groats", '1,400 km in two weeks, raising money for the local hospice.', true, '1 Aug 2027');
  for (const m of ['Service the bike', 'Plan the route and stays', 'Training: 100 km day']) await add(sam, m);
  await status(sam, 'Service the bike', 'succeeded');
  await sam.getByTestId('invite-open').click();
  await sam.getByTestId('invite-email').fill(`maya.${stamp}@example.com`);
  await sam.getByTestId('role-spectator').click();
  await sam.getByTestId('role-supporter').click();
  await sam.getByTestId('invite-submit').click();
  await sam.waitForTimeout(600);

  await createGoal(maya, 'Learn conversational Spanish', 'Hold a 30-minute conversation in Madrid.', true, '30 Jun 2027');
  for (const m of ['Finish Duolingo A1', 'Weekly tandem partner', 'Read a novel in Spanish']) await add(maya, m);
  await status(maya, 'Finish Duolingo A1', 'succeeded');

  await createGoal(maya, 'Ship the family photo book', 'All 2026 photos, printed before the holidays.', false, '15 Dec 2026');
  for (const m of ['Pick 120 photos', 'Design layout', 'Order print']) await add(maya, m);
  await status(maya, 'Pick 120 photos', 'succeeded');
  await status(maya, 'Design layout', 'succeeded');

  const url = await createGoal(maya, 'Run the Berlin Marathon', 'Finish in under 4 hours, injury-free, and enjoy the last 10K.', true, '26 Sep 2027');
  for (const m of ['Buy proper running shoes', 'Run 5K without stopping', 'Run 10K under 60 minutes', 'Half marathon race', 'Long run: 32K', 'Race day in Berlin'])
    await add(maya, m);
  await status(maya, 'Buy proper running shoes', 'succeeded');
  await status(maya, 'Run 5K without stopping', 'succeeded');
  await edit(maya, 'Run 10K under 60 minutes', async p => {
    const d = p.locator('.mud-dialog textarea').first();
    await d.fill('Intervals on Tuesdays, tempo runs on Thursdays.');
    await d.blur();
    await p.waitForTimeout(300);
    for (const s of ['Intervals 6 × 800 m', 'Tempo run 8K', 'Easy 12K']) {
      const i = p.getByTestId('new-subtask');
      await i.fill(s); await i.press('Enter'); await p.waitForTimeout(300);
    }
    await p.locator('[data-testid=subtask] input[type=checkbox]').first().check();
    await p.waitForTimeout(300);
    await typeDate(p, 'editor-deadline', '20 Nov 2026');
  });
  await edit(maya, 'Half marathon race', async p => {
    const d = p.locator('.mud-dialog textarea').first();
    await d.fill('Berlin half in April: a dress rehearsal for pacing and fuelling.');
    await d.blur();
    await p.waitForTimeout(300);
    await typeDate(p, 'editor-deadline', '5 Apr 2027');
  });
  // Sam joins as a supporter and pledges on a milestone.
  await maya.getByTestId('invite-open').click();
  await maya.getByTestId('invite-email').fill(`sam.${stamp}@example.com`);
  await maya.getByTestId('role-spectator').click();
  await maya.getByTestId('role-supporter').click();
  await maya.getByTestId('invite-submit').click();
  await maya.waitForTimeout(600);
  await sam.goto(url); await ready(sam);
  await row(sam, 'Half marathon race').getByTestId('milestone-pledge').click();
  await sam.getByTestId('pledge-text').fill('I will run the last 5K with you');
  await sam.getByTestId('pledge-submit').click();
  await sam.waitForTimeout(800);

  await maya.goto(url); await ready(maya); await maya.waitForTimeout(500);
  await maya.screenshot({ path: `${out}/board-desktop.png` });
  await maya.goto('goals'); await maya.getByTestId('goal-card').first().waitFor(); await maya.waitForTimeout(500);
  await maya.screenshot({ path: `${out}/goals-desktop.png` });

  await maya.setViewportSize({ width: 390, height: 844 });
  await maya.reload(); await maya.getByTestId('goal-card').first().waitFor(); await maya.waitForTimeout(800);
  await maya.screenshot({ path: `${out}/goals-phone.png` });
  await maya.goto(url); await ready(maya); await maya.waitForTimeout(800);
  await maya.evaluate(() => { const b = document.querySelector('[data-testid=goal-progress]'); window.scrollTo(0, b.getBoundingClientRect().top + window.scrollY - 40); });
  await maya.waitForTimeout(300);
  await maya.screenshot({ path: `${out}/board-phone.png` });
  console.log('done', url);
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
