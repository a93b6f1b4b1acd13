// Drives the real Neo4j Browser in the system's headless Chromium: log in, apply the
// zonekg style, run commands (:param lines, then a preset's Cypher), wait for graph
// nodes drawn as SVG in the result frame, save a screenshot. Prints one JSON line.
//
// Input: the JSON in $ZONEKG_E2E:
//   {httpUrl, boltUrl, user, password, commands: [...], screenshot, chromium?, timeoutMs?}
import { chromium } from 'playwright-core'

const cfg = JSON.parse(process.env.ZONEKG_E2E || '{}')
const timeout = cfg.timeoutMs || 90000
const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

async function run(page, command) {
  // The main editor is Monaco: focus it, clear it, enter the command, press Run.
  // Enter would run a half-typed command, so lines are joined with Shift+Enter.
  await page.click('#monaco-main-editor')
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Backspace')
  const lines = command.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await page.keyboard.press('Shift+Enter')
    await page.keyboard.insertText(lines[i])
  }
  await page.click('[data-testid="editor-Run"]')
}

async function main() {
  const browser = await chromium.launch({
    executablePath: cfg.chromium || '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS,
  })
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  try {
    await page.goto(`${cfg.httpUrl.replace(/\/$/, '')}/browser/`, { timeout })
    await page.waitForSelector('input[data-testid="boltaddress"]', { timeout })
    await page.fill('input[data-testid="boltaddress"]', cfg.boltUrl)
    await page.fill('input[data-testid="username"]', cfg.user)
    await page.fill('input[data-testid="password"]', cfg.password)
    await page.click('button[data-testid="connect"]')
    await page.waitForSelector('input[data-testid="boltaddress"]', { state: 'detached', timeout })
    for (const command of cfg.commands) {
      const before = await page.locator('[data-testid="frame"]').count()
      await run(page, command)
      await page.waitForFunction(
        n => document.querySelectorAll('[data-testid="frame"]').length > n, before, { timeout })
    }
    // The newest frame is on top; its graph view draws each node as an SVG group.
    const frame = page.locator('[data-testid="frame"]').first()
    const nodes = frame.locator('svg g.node')
    await nodes.first().waitFor({ timeout })
    await page.waitForTimeout(1500) // let the force layout settle before the screenshot
    const captions = (await frame.locator('svg g.node text').allTextContents()).filter(t => t.trim())
    const fills = await frame.locator('svg g.node circle.b-outline').evaluateAll(
      els => els.map(e => (e.getAttribute('fill') || '').toUpperCase()))
    await page.screenshot({ path: cfg.screenshot })
    console.log(JSON.stringify({ nodes: await nodes.count(), captions, fills }))
  } catch (err) {
    await page.screenshot({ path: cfg.screenshot }).catch(() => {}) // show what the page looked like
    throw err
  } finally {
    await browser.close()
  }
}

main().catch(err => {
  console.error(`browser e2e failed: ${err.message}`)
  process.exit(1)
})
