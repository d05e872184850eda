// The story's audio player. Without JavaScript the browser's own <audio controls>
// plays it; with it, the same <audio> loses its controls for ours: a Play/Pause
// button, a position slider, the time, and the speed. The reader's place in each
// story and the chosen speed are kept in localStorage where there is one.
(() => {
  const SPEEDS = ["0.75", "1", "1.25", "1.5", "1.75", "2"];
  const SPEED_KEY = "masthead:listen:speed";
  const SAVE_EVERY = 5000; // ms, while playing
  const STEP = 5; // seconds, an arrow key
  const BIG_STEP = 30; // seconds, Page Up / Page Down
  const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";

  // Private browsing, a full quota or a blocked storage throw: the player then
  // simply forgets.
  const store = {
    get(key) {
      try { return window.localStorage.getItem(key); } catch { return null; }
    },
    set(key, value) {
      try { window.localStorage.setItem(key, value); } catch { /* forget */ }
    },
    remove(key) {
      try { window.localStorage.removeItem(key); } catch { /* forget */ }
    },
  };

  function setUp(player) {
    const audio = player.querySelector("audio");
    const controls = player.querySelector("[data-listen-controls]");
    const button = player.querySelector("[data-listen-play]");
    const seek = player.querySelector("[data-listen-seek]");
    const elapsedText = player.querySelector("[data-listen-elapsed]");
    const totalText = player.querySelector("[data-listen-total]");
    const speed = player.querySelector("[data-listen-speed]");
    if (!audio || !controls || !button || !seek || typeof audio.play !== "function") return;

    const positionKey = `masthead:listen:position:${player.dataset.listen}`;
    const arabicDigits = player.dataset.listenDigits === "arabic-indic";
    const playText = player.dataset.listenPlayText || button.textContent;
    const pauseText = player.dataset.listenPauseText || playText;
    const positionText = player.dataset.listenPositionText || "%(elapsed)s / %(total)s";

    // Until the file's metadata arrives, the length the page was made with.
    let duration = Number(seek.max) || 0;
    // Where playback should start once the metadata is in: the remembered place,
    // or where the reader moved the slider before anything loaded.
    let pending = null;
    let dragging = false;
    let lastSaved = 0;

    const digits = (text) =>
      arabicDigits ? text.replace(/[0-9]/g, (digit) => ARABIC_INDIC[digit]) : text;

    // 3:07, or 1:02:07 past the hour (as the server writes the total).
    function clock(seconds, round) {
      const whole = Math.max(0, round(Number.isFinite(seconds) ? seconds : 0));
      const hours = Math.floor(whole / 3600);
      const minutes = Math.floor((whole % 3600) / 60);
      const rest = String(whole % 60).padStart(2, "0");
      return digits(hours ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`);
    }

    // A server that ignores Range requests leaves an Ogg file's duration unknown
    // (Infinity): the page's length stands in.
    const hasMetadata = () => audio.readyState >= HTMLMediaElement.HAVE_METADATA;
    function learnDuration() {
      if (Number.isFinite(audio.duration) && audio.duration > 0) {
        duration = audio.duration;
        seek.max = String(duration);
      }
    }
    const position = () => (pending !== null ? pending : audio.currentTime);

    function show(seconds) {
      const at = Math.max(0, Math.min(duration, seconds));
      const total = clock(duration, Math.round);
      // The last part-second shows as the whole length, not a second short.
      const elapsed = at >= duration - 0.5 ? total : clock(at, Math.floor);
      if (!dragging) seek.value = String(at);
      seek.setAttribute(
        "aria-valuetext",
        positionText.replace("%(elapsed)s", elapsed).replace("%(total)s", total),
      );
      // The track's filled part (CSSOM, which the Content-Security-Policy allows).
      seek.style.setProperty("--listen-progress", `${duration ? (at / duration) * 100 : 0}%`);
      if (elapsedText) elapsedText.textContent = elapsed;
      if (totalText) totalText.textContent = total;
    }

    function showPlaying() {
      button.textContent = audio.paused ? playText : pauseText;
      player.classList.toggle("listen--playing", !audio.paused);
    }

    function save() {
      const at = audio.currentTime;
      if (audio.ended || !(at > 0)) store.remove(positionKey);
      else store.set(positionKey, at.toFixed(1));
      lastSaved = Date.now();
    }

    function moveTo(seconds) {
      const at = Math.max(0, Math.min(duration, seconds));
      if (hasMetadata()) {
        audio.currentTime = at;
      } else {
        pending = at;
        store.set(positionKey, at.toFixed(1));
      }
      show(at);
    }

    function setSpeed(value) {
      if (!SPEEDS.includes(value)) return;
      if (speed) speed.value = value;
      // Loading the file resets playbackRate to the default: set both.
      audio.defaultPlaybackRate = Number(value);
      audio.playbackRate = Number(value);
    }

    // Ours replace the browser's controls.
    audio.controls = false;
    controls.hidden = false;
    player.classList.add("listen--enhanced");

    const saved = Number.parseFloat(store.get(positionKey));
    if (saved > 0 && (!duration || saved < duration - 1)) {
      pending = saved;
      // Fetch just the metadata, so the audio itself is at the reader's place too.
      audio.preload = "metadata";
    }
    const savedSpeed = store.get(SPEED_KEY);
    if (savedSpeed) setSpeed(savedSpeed);
    show(position());
    showPlaying();

    button.addEventListener("click", () => {
      if (audio.paused || audio.ended) {
        const playing = audio.play();
        // Refused (no file the browser can play, or no permission): stay paused.
        if (playing) playing.catch(showPlaying);
      } else {
        audio.pause();
      }
    });

    audio.addEventListener("loadedmetadata", () => {
      learnDuration();
      if (pending !== null) {
        if (pending < duration) audio.currentTime = pending;
        pending = null;
      }
      show(audio.currentTime);
    });
    audio.addEventListener("durationchange", () => {
      learnDuration();
      show(position());
    });
    audio.addEventListener("timeupdate", () => {
      if (pending !== null) return;
      show(audio.currentTime);
      if (!audio.paused && Date.now() - lastSaved >= SAVE_EVERY) save();
    });
    audio.addEventListener("seeked", () => {
      if (pending === null) save();
    });
    audio.addEventListener("play", showPlaying);
    audio.addEventListener("pause", () => {
      showPlaying();
      if (pending === null) save();
    });
    audio.addEventListener("ended", () => {
      store.remove(positionKey);
      showPlaying();
      show(duration);
    });
    audio.addEventListener("ratechange", () => {
      const value = String(audio.playbackRate);
      if (speed && SPEEDS.includes(value)) speed.value = value;
    });
    // Leaving mid-sentence keeps the place to the second.
    window.addEventListener("pagehide", () => {
      if (!audio.paused) save();
    });

    // The slider's value is the time in seconds whichever way it runs: in
    // right-to-left pages the browser fills and drags it from the right, and
    // the value still counts seconds from the start.
    seek.addEventListener("input", () => moveTo(Number(seek.value)));
    seek.addEventListener("pointerdown", () => { dragging = true; });
    for (const type of ["pointerup", "pointercancel", "change"]) {
      seek.addEventListener(type, () => { dragging = false; });
    }

    // Arrows go five seconds rather than the slider's one: a sentence, not a word.
    // Left goes back in left-to-right pages and on in right-to-left ones, as the
    // track runs (and as the browser's own slider keys do).
    seek.addEventListener("keydown", (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const rtl = getComputedStyle(seek).direction === "rtl";
      const at = position();
      const moves = {
        ArrowUp: at + STEP,
        ArrowDown: at - STEP,
        ArrowRight: rtl ? at - STEP : at + STEP,
        ArrowLeft: rtl ? at + STEP : at - STEP,
        PageUp: at + BIG_STEP,
        PageDown: at - BIG_STEP,
        Home: 0,
        End: duration,
      };
      if (!(event.key in moves)) return;
      event.preventDefault();
      moveTo(moves[event.key]);
    });

    if (speed) {
      speed.addEventListener("change", () => {
        setSpeed(speed.value);
        store.set(SPEED_KEY, speed.value);
      });
    }
  }

  for (const player of document.querySelectorAll("[data-listen]")) {
    // The script comes with every player: each sets up only the players not
    // set up yet.
    if (player.dataset.listenReady) continue;
    player.dataset.listenReady = "";
    setUp(player);
  }
})();
