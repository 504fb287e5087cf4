// page_test.js: the browser build in headless Chromium (WebGL 2 on SwiftShader).
//
//   node tests/web/page_test.js BUILD_DIR OUT_DIR     (scripts/web-test.sh runs it)
//
// Serves BUILD_DIR with `python3 -m http.server` on 127.0.0.1, opens
// fibrelab.html at 1280x720 and checks, failing with one line each:
//   1. the first frames are drawn with no error on the console;
//   2. the picture shows the limb and the readouts: not blank, bone-coloured
//      pixels, the muscles' fibre colours, light text on the HUD panel
//      (OUT_DIR/page.png is the screenshot);
//   3. a lock and stretch through the page's input events (read back from
//      window.fibrelabStatus, set by main_web.c): the left arrow shortens the
//      muscle, mouse down on it just before the tangle locks it, dragging
//      turns the limb with the lock in place, the right arrow lengthens the
//      muscle further and adhesions release (OUT_DIR/lock.png); mouse up
//      lets go; then dragging the limb itself moves the joint;
//   4. a finger on a muscle (a touch event) locks too, moving it turns the
//      limb, and lifting it lets go;
//      two fingers spreading apart zoom in;
//   5. P downloads the picture (OUT_DIR/picture.png); a smaller window: the
//      canvas follows; every lesson in assets/lessons opens (?lesson=NAME).
// It then measures the frame rate of the default page (two-bands playing its
// demonstration) over 5 s and prints it with the page's weight.
'use strict';
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const [buildDir, outDir] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM || '/usr/lib/chromium/chromium';
const W = 1280, H = 720;
const LOCK_AT = 0.47; // two-bands: just on the origin side of the tangle (0.6 - 0.12 / 2)

function fail(msg) {
  console.error(`web-test: FAIL: ${msg}`);
  process.exitCode = 1;
  throw new Error(msg);
}

function check(ok, msg) {
  if (!ok) fail(msg);
  console.log(`web-test: ok: ${msg}`);
}

// python3 -m http.server on a free port; resolves to its base URL.
function serve(dir) {
  return new Promise((resolve, reject) => {
    const py = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir],
                     { stdio: ['ignore', 'pipe', 'ignore'] });
    py.stdout.on('data', (d) => {
      const m = /port (\d+)/.exec(String(d));
      if (m) resolve({ py, url: `http://127.0.0.1:${m[1]}` });
    });
    py.on('exit', (code) => reject(new Error(`http.server exited (${code})`)));
  });
}

const status = (page) => page.evaluate(() => globalThis.fibrelabStatus || null);

async function waitFor(page, what, pred, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = await status(page);
    if (s && pred(s)) return s;
    if (Date.now() > end) fail(`${what}: timed out after ${timeoutMs / 1000} s (status ${JSON.stringify(s)})`);
    await page.waitForTimeout(100);
  }
}

// The canvas's pixels, summarised in the page: what is where, by colour class.
function canvasStats(page) {
  return page.evaluate(() => {
    const c = document.getElementById('canvas');
    const w = c.width, h = c.height;
    const cv = document.createElement('canvas');
    cv.width = w, cv.height = h;
    const g = cv.getContext('2d');
    g.drawImage(c, 0, 0);
    const px = g.getImageData(0, 0, w, h).data;
    const colours = new Set();
    let bone = 0, fibre = 0, text = 0, background = 0;
    const fibreAt = [], boneAt = [];
    const bg = [px[0], px[1], px[2]];
    // the 3D view, beside the interface's panels (whose buttons and plot lines are coloured too)
    const [sx0, sy0, sx1, sy1] = globalThis.fibrelabStatus.scene;
    const inScene = (x, y) => x >= sx0 && x < sx1 && y >= sy0 && y < sy1;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = 4 * (y * w + x), r = px[i], gr = px[i + 1], b = px[i + 2];
        colours.add((r >> 3) << 10 | (gr >> 3) << 5 | (b >> 3));
        if (Math.abs(r - bg[0]) + Math.abs(gr - bg[1]) + Math.abs(b - bg[2]) < 12) background++;
        // bone: warm off-white (0.91, 0.87, 0.78 lit and textured)
        if (r > 150 && r >= gr && gr >= b && r - b > 12 && r - b < 70 && gr - b < 50) {
          bone++;
          if ((x + y) % 7 === 0 && inScene(x, y)) boneAt.push([x, y]);
        }
        // fibres: the viridis ramp (purple-blue-teal-green-yellow): green or blue above red
        const sat = Math.max(r, gr, b) - Math.min(r, gr, b); // the panels and background are greys
        const isFibre = sat > 50 && ((gr > r + 25 && gr > 60) || (b > r + 30 && b > gr && b > 80));
        if (isFibre) {
          fibre++;
          // not the legend's colour bar, at the view's right
          if ((x + y) % 7 === 0 && inScene(x, y) && x < sx0 + 0.8 * (sx1 - sx0)) fibreAt.push([x, y]);
        }
        // text: dark pixels in the HUD's top-left corner (the lesson's panel)
        if (x < w / 3 && y < h / 5 && r < 90 && gr < 90 && b < 90) text++;
      }
    }
    return { w, h, colours: colours.size, bone, fibre, text, background, fibreAt, boneAt };
  });
}

async function lockSomewhere(page, points, press, release) {
  for (const [x, y] of points) {
    await press(x, y);
    const s = await page.waitForTimeout(300).then(() => status(page));
    if (s.locked) return [x, y];
    await release(x, y);
    await page.waitForTimeout(100);
  }
  return null;
}

// Presses the mouse on the muscle where the lock lands at s = target
// (within tol), trying points along the fibres from left to right; the
// status at the lock, or null (the button is then up).
async function lockNear(page, st, target, tol) {
  const xs = st.fibreAt.map((p) => p[0]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  for (let i = 0; i < 24; i++) {
    const x = x0 + (x1 - x0) * (i + 0.5) / 24;
    const col = st.fibreAt.filter((p) => Math.abs(p[0] - x) < 4).map((p) => p[1]).sort((a, b) => a - b);
    if (!col.length) continue;
    await page.mouse.move(x, col[col.length >> 1]);
    await page.mouse.down();
    let s = await status(page);
    for (let t = 0; t < 10 && !s.locked; t++) s = await page.waitForTimeout(100).then(() => status(page));
    if (s.locked && Math.abs(s.lock_at - target) <= tol) return { ...s, x, y: col[col.length >> 1] };
    await page.mouse.up();
    await page.waitForTimeout(100);
  }
  return null;
}

// With the button held at (x, y), moves the pointer by (dx, dy) px each
// 100 ms (250 px at most, then waits) until pred(status) or 40 s.
async function dragUntil(page, x, y, dx, dy, pred) {
  const end = Date.now() + 40000;
  for (let i = 1; Date.now() < end; i++) {
    const k = Math.min(i, 250);
    await page.mouse.move(x + dx * k, y + dy * k);
    await page.waitForTimeout(100);
    const s = await status(page);
    if (pred(s)) return s;
  }
  return status(page);
}

// Points to try, spread over the fibre pixels (nearest the middle first).
function candidates(st, n) {
  const pts = st.fibreAt.slice().sort((a, b) =>
    Math.hypot(a[0] - st.w / 2, a[1] - st.h / 2) - Math.hypot(b[0] - st.w / 2, b[1] - st.h / 2));
  const out = [];
  for (let i = 0; i < n && pts.length; i++) out.push(pts[Math.floor(i * pts.length / n)]);
  return out;
}

// Frames per second over 5 s of the default page, and of an empty WebGL 2
// page that only clears (the browser's own ceiling).
async function frameRate(context, url) {
  const page = await context.newPage();
  await page.goto(`${url}/fibrelab.html`);
  await waitFor(page, 'first frames', (s) => s.frames >= 3, 60000);
  const f0 = (await status(page)).frames, t0 = Date.now();
  await page.waitForTimeout(5000);
  const end = await status(page);
  const fps = (end.frames - f0) / ((Date.now() - t0) / 1000);
  await page.goto('about:blank');
  const empty = await page.evaluate(() => new Promise((done) => {
    const c = document.createElement('canvas');
    c.width = 1280, c.height = 720;
    document.body.appendChild(c);
    const gl = c.getContext('webgl2');
    let n = 0;
    const t = performance.now();
    (function frame() {
      gl.clearColor(n % 2, 0.5, 0.5, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      n++;
      if (performance.now() - t < 3000) requestAnimationFrame(frame);
      else done(n / ((performance.now() - t) / 1000));
    })();
  }));
  await page.close();
  return { fps, empty, ms: end.frame_ms };
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const { py, url } = await serve(buildDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: W, height: H }, deviceScaleFactor: 1, hasTouch: true });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));

    // 1. first frames, the student's own world (no demonstration playing)
    await page.goto(`${url}/fibrelab.html?demo=0`);
    await waitFor(page, 'first frames', (s) => s.frames >= 3, 60000);
    check(errors.length === 0, `page runs without console errors ${errors.length ? JSON.stringify(errors) : ''}`);

    // 2. the picture
    await page.screenshot({ path: path.join(outDir, 'page.png') });
    const st = await canvasStats(page);
    const total = st.w * st.h;
    check(st.w === W && st.h === H, `canvas is ${W}x${H} (got ${st.w}x${st.h})`);
    check(st.colours > 200 && st.background < 0.95 * total, `picture is not blank (${st.colours} colours)`);
    check(st.bone > 0.002 * total, `bone colour present (${st.bone} px)`);
    check(st.fibre > 0.002 * total, `fibre colours present (${st.fibre} px)`);
    check(st.text > 300, `HUD text present (${st.text} dark px top left)`);

    // 3. soft tissue release: shorten the muscle (left arrow), press on it
    // just on the origin side of the tangle and hold the button (the lock),
    // drag to turn the limb, then lengthen further at the taught pace (right
    // arrow): the muscle lengthens under the lock and adhesions release
    const s0 = await status(page);
    check(!s0.locked && s0.released === 0, 'nothing locked or released at the start');
    await page.keyboard.down('ArrowLeft');
    await waitFor(page, 'shortening', (s) => s.stretch < 0.03, 30000);
    await page.keyboard.up('ArrowLeft');
    const lock = await lockNear(page, await canvasStats(page), LOCK_AT, 0.06);
    check(lock !== null, `mouse down on the muscle locks it${lock ? ` (at s = ${lock.lock_at.toFixed(2)})` : ''}`);
    const s1 = await dragUntil(page, lock.x, lock.y, 0, -1, (s) => s.stretch > lock.stretch + 0.15);
    check(s1.locked && s1.stretch > lock.stretch + 0.15 && Math.abs(s1.lock_at - lock.lock_at) < 0.02,
          `dragging while locked turns the limb (${lock.joint_deg.toFixed(0)} -> ${s1.joint_deg.toFixed(0)} deg); ` +
          `the lock stays put`);
    await page.keyboard.down('ArrowRight');
    const s2 = await waitFor(page, 'adhesions releasing', (s) => s.released >= 0.1 * s.adhesions, 40000);
    await page.keyboard.up('ArrowRight');
    check(s2.locked && s2.stretch > lock.stretch + 0.3,
          `lengthening further under the lock (right arrow, to ${s2.joint_deg.toFixed(0)} deg) releases adhesions ` +
          `(${s2.released} of ${s2.adhesions})`);
    await page.screenshot({ path: path.join(outDir, 'lock.png') });
    await page.mouse.up();
    await waitFor(page, 'letting go', (s) => !s.locked, 5000);
    check(true, 'mouse up lets go');

    // dragging the limb (its bone beyond the insertion, up and right) moves the joint
    const before = (await status(page)).joint_deg;
    const now = await canvasStats(page);
    const ins = now.fibreAt.reduce((p, q) => (q[0] > p[0] ? q : p));
    const grip = now.boneAt.filter(([x, y]) => x > ins[0] + 60 && y < ins[1] - 60)
      .reduce((p, q) => (!p || Math.hypot(q[0] - ins[0] - 150, q[1] - ins[1] + 150) <
                               Math.hypot(p[0] - ins[0] - 150, p[1] - ins[1] + 150) ? q : p), null);
    check(grip !== null, `the far bone is in the picture${grip ? ` (at ${grip})` : ''}`);
    await page.mouse.move(grip[0], grip[1]);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) {
      await page.mouse.move(grip[0] + 8 * i, grip[1] + 8 * i);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(1500);
    await page.mouse.up();
    const after = (await status(page)).joint_deg;
    check(Math.abs(after - before) > 2, `dragging the limb moves the joint (${before.toFixed(1)} -> ${after.toFixed(1)} deg)`);

    // 4. a finger locks
    const cdp = await context.newCDPSession(page);
    const touch = (type, pts) => cdp.send('Input.dispatchTouchEvent',
      { type, touchPoints: pts.map(([x, y], id) => ({ x, y, id })) });
    const st2 = await canvasStats(page);
    const fat = await lockSomewhere(page, candidates(st2, 12),
      (x, y) => touch('touchStart', [[x, y]]), () => touch('touchEnd', []));
    check(fat !== null, 'a finger on a muscle locks it');
    const t0 = await status(page);
    for (let i = 1; i <= 30; i++) {
      await touch('touchMove', [[fat[0], fat[1] - 5 * i]]);
      await page.waitForTimeout(50);
    }
    const t1 = await waitFor(page, 'the finger turning the limb', (s) => Math.abs(s.joint_deg - t0.joint_deg) > 3, 10000);
    check(t1.locked, `moving the finger turns the limb with the lock held (${t0.joint_deg.toFixed(0)} -> ` +
          `${t1.joint_deg.toFixed(0)} deg)`);
    await touch('touchEnd', []);
    await waitFor(page, 'finger lifted', (s) => !s.locked, 5000);
    check(true, 'lifting the finger lets go');

    // two fingers spreading apart zoom in (and lock nothing)
    const z0 = await status(page);
    await touch('touchStart', [[560, 620], [720, 620]]);
    for (let i = 1; i <= 10; i++) {
      await touch('touchMove', [[560 - 25 * i, 620], [720 + 25 * i, 620]]);
      await page.waitForTimeout(50);
    }
    await touch('touchEnd', []);
    const z1 = await waitFor(page, 'pinch zoom', (s) => s.camera_m < 0.8 * z0.camera_m, 5000);
    check(!z1.locked, `two fingers spreading zoom in (camera ${z0.camera_m.toFixed(2)} -> ${z1.camera_m.toFixed(2)} m), ` +
          'no lock');

    // P (after R, the side view again): the picture comes as a download
    await page.keyboard.press('r');
    await page.waitForTimeout(300);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.keyboard.press('p')]);
    const picture = path.join(outDir, 'picture.png');
    await download.saveAs(picture);
    const head = fs.readFileSync(picture).subarray(0, 8).toString('latin1');
    check(/^fibrelab-two-bands-.*\.png$/.test(download.suggestedFilename()) && head === '\x89PNG\r\n\x1a\n',
          `P downloads the picture as a PNG (${download.suggestedFilename()}, ${fs.statSync(picture).size} bytes)`);

    // a smaller window: the drawing follows
    await page.setViewportSize({ width: 800, height: 600 });
    const rf = (await status(page)).frames;
    await waitFor(page, 'frames after a resize', (s) => s.frames > rf + 3, 10000);
    const small = await canvasStats(page);
    check(small.w === 800 && small.h === 600 && small.fibre > 0.002 * 800 * 600,
          `after a resize to 800x600 the canvas follows and shows the muscles (${small.w}x${small.h})`);
    check(errors.length === 0, `no console errors ${errors.length ? JSON.stringify(errors) : ''}`);

    // every lesson opens in the page (?lesson=NAME) and draws
    const lessons = fs.readdirSync(path.join(__dirname, '../../assets/lessons'))
      .filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    for (const name of lessons) {
      await page.goto(`${url}/fibrelab.html?lesson=${name}`);
      await waitFor(page, `lesson ${name}`, (s) => s.frames >= 3, 60000);
    }
    check(errors.length === 0, `every lesson opens and draws: ${lessons.join(', ')} ` +
          `${errors.length ? JSON.stringify(errors) : ''}`);

    // frame rate: the default page, two-bands playing its demonstration,
    // beside an empty WebGL 2 page (what headless Chromium itself allows)
    const rate = await frameRate(context, url);
    const weight = ['html', 'js', 'wasm', 'data']
      .reduce((sum, ext) => sum + fs.statSync(path.join(buildDir, `fibrelab.${ext}`)).size, 0);
    console.log(`web-test: two-bands ${W}x${H}, headless Chromium + SwiftShader: ${rate.fps.toFixed(1)} frames/s ` +
                `(an empty WebGL 2 page: ${rate.empty.toFixed(1)}), ${rate.ms.toFixed(1)} ms of each in app_frame`);
    console.log(`web-test: page weight ${(weight / 1e6).toFixed(2)} MB (html, js, wasm, data)`);
    check(rate.fps > 1, 'the page keeps drawing');
    check(weight < 5e6, 'page and data under 5 MB');
  } finally {
    await browser.close();
    py.kill();
  }
}

main().catch((e) => {
  if (!process.exitCode) console.error(`web-test: FAIL: ${e.message}`);
  process.exitCode = 1;
});
