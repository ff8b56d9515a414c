/**
 * `?core=tencent`: the demo on the real Tencent Cloud Chat service. A form asks for the SDKAppID, a user ID
 * and either a UserSig (made by your server or the console's UserSig tool) or, for a quick local try
 * only, the app's SECRET KEY, from which the page computes test UserSigs (UNSAFE FOR PRODUCTION: anyone who
 * can read the page could then sign in as any user of the app). Neither the UserSig nor the key is stored.
 */
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ChatCore } from '../src/core/index.js';

const STORE_KEY = 'tim-demo-tencent';

@customElement('tim-demo-tencent-login')
export class TimDemoTencentLogin extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      place-items: center;
      min-height: 100%;
      padding: 24px;
      box-sizing: border-box;
      color: CanvasText;
    }
    form {
      display: grid;
      gap: 10px;
      inline-size: min(440px, 100%);
      padding: 24px;
      border-radius: 12px;
      background: Canvas;
      box-shadow: 0 2px 12px rgb(0 0 0 / 0.12);
    }
    h1 {
      margin: 0 0 4px;
      font-size: 1.3rem;
    }
    p {
      margin: 0;
      line-height: 1.45;
    }
    label {
      display: grid;
      gap: 4px;
      font-weight: 600;
    }
    input {
      font: inherit;
      font-weight: 400;
      padding: 8px 10px;
      border: 1px solid #8a8f98;
      border-radius: 6px;
    }
    fieldset {
      border: 1px solid #c5c8ce;
      border-radius: 8px;
      display: grid;
      gap: 8px;
    }
    .unsafe {
      border-color: #c62828;
    }
    .warn {
      color: #c62828;
      font-weight: 600;
    }
    button {
      font: inherit;
      padding: 9px 14px;
      border-radius: 6px;
      border: 0;
      background: #1f6feb;
      color: white;
      cursor: pointer;
    }
    button:focus-visible,
    input:focus-visible {
      outline: 2px solid #1f6feb;
      outline-offset: 2px;
    }
    .error {
      color: #c62828;
      min-block-size: 1.2em;
    }
    a {
      color: inherit;
    }
    @media (prefers-color-scheme: dark) {
      .warn,
      .error {
        color: #ff8a80;
      }
      .unsafe {
        border-color: #ff8a80;
      }
    }
  `;

  @state() private busy = false;
  @state() private error = '';
  /** Resolves with the logged-in core. */
  onCore: (core: ChatCore) => void = () => {};

  #saved(): { SDKAppID?: string; userID?: string } {
    try {
      return JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as { SDKAppID?: string; userID?: string };
    } catch {
      return {};
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const SDKAppID = Number(data.get('SDKAppID'));
    const userID = String(data.get('userID') ?? '').trim();
    const userSig = String(data.get('userSig') ?? '').trim();
    const secretKey = String(data.get('secretKey') ?? '').trim();
    if (!Number.isInteger(SDKAppID) || SDKAppID <= 0) return void (this.error = 'The SDKAppID is a number from the Chat console.');
    if (!userID) return void (this.error = 'Enter a user ID.');
    if (!userSig && !secretKey) return void (this.error = 'Enter a UserSig, or (local tries only) the secret key.');
    this.busy = true;
    this.error = '';
    try {
      const [{ createTencentCore }, unsafe] = await Promise.all([
        import('../src/core/tencent/index.js'),
        secretKey ? import('../src/core/tencent/debug-usersig.js') : Promise.resolve(null),
      ]);
      const core = await createTencentCore({
        SDKAppID,
        // With a UserSig: that one (it cannot be renewed here). With the key: a fresh test ticket each time.
        getUserSig: async (id) => (unsafe ? unsafe.genTestUserSigUNSAFE({ SDKAppID, secretKey, userID: id }) : userSig),
        logLevel: 1,
      });
      await core.login({ userID });
      localStorage.setItem(STORE_KEY, JSON.stringify({ SDKAppID: String(SDKAppID), userID }));
      this.onCore(core);
    } catch (error) {
      const { code, message } = error as { code?: number; message?: string };
      this.error = `Could not log in${code ? ` (${code})` : ''}: ${message ?? String(error)}`;
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const saved = this.#saved();
    return html`<form @submit=${this.#submit} aria-labelledby="title">
      <h1 id="title">tim-elements on Tencent Cloud Chat</h1>
      <p>The demo on the real service through <code>@tencentcloud/chat</code>. <a href="?">Back to the in-browser demo</a>.</p>
      <label>SDKAppID <input name="SDKAppID" inputmode="numeric" required .value=${saved.SDKAppID ?? ''} /></label>
      <label>User ID <input name="userID" autocomplete="username" required .value=${saved.userID ?? ''} /></label>
      <fieldset>
        <legend>UserSig from your server or the console</legend>
        <label>UserSig <input name="userSig" autocomplete="off" /></label>
      </fieldset>
      <fieldset class="unsafe">
        <legend class="warn">Or: secret key — UNSAFE, local tries only</legend>
        <p class="warn" id="unsafe-note">
          Never use the secret key in a real app or a shared page: whoever has it can sign in as any user of your app. It
          stays in this page's memory and is not stored.
        </p>
        <label>Secret key <input name="secretKey" type="password" autocomplete="off" aria-describedby="unsafe-note" /></label>
      </fieldset>
      <button ?disabled=${this.busy}>${this.busy ? 'Logging in…' : 'Log in'}</button>
      <p class="error" role="alert">${this.error}</p>
    </form>`;
  }
}

/** Shows the form in place of the app until a login succeeds; resolves with the ready core. */
export function loginToTencent(app: HTMLElement): Promise<ChatCore> {
  const form = new TimDemoTencentLogin();
  app.hidden = true;
  app.before(form);
  return new Promise((resolve) => {
    form.onCore = (core) => {
      form.remove();
      app.hidden = false;
      resolve(core);
    };
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'tim-demo-tencent-login': TimDemoTencentLogin;
  }
}
