/**
 * The demo's fault knobs: the failure modes of real chat clients, injected into LocalCore at runtime, so
 * anyone can watch the kit survive them (latency, failures, lost acks, duplicates, reordering, network
 * loss, kick-out, ticket expiry).
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ChatCore, FaultControl } from '../src/index.js';

export class TimDemoFaults extends LitElement {
  static override styles = css`
    :host {
      position: relative;
    }
    summary {
      cursor: pointer;
      color: var(--demo-muted);
      padding: 0.3rem 0.55rem;
      border-radius: 0.4rem;
      list-style: none;
    }
    summary:hover {
      background: rgb(127 127 127 / 0.12);
    }
    .panel {
      position: absolute;
      inset-inline-end: 0;
      top: 2.2rem;
      z-index: 5;
      width: 19rem;
      padding: 0.8rem;
      border-radius: 0.75rem;
      border: 1px solid var(--demo-border);
      background: var(--demo-bg);
      box-shadow: 0 8px 30px rgb(0 0 0 / 0.2);
      display: grid;
      gap: 0.55rem;
      font-size: 0.9rem;
    }
    label {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
      align-items: center;
    }
    input[type='range'] {
      width: 8rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    button {
      font: inherit;
      color: inherit;
      padding: 0.3rem 0.55rem;
      border-radius: 0.4rem;
      border: 1px solid var(--demo-border);
      background: none;
      cursor: pointer;
    }
    p {
      margin: 0;
      color: var(--demo-muted);
    }
  `;

  /** The core whose faults are controlled (nothing shows when it has none). */
  @property({ attribute: false }) core: (ChatCore & { faults?: FaultControl }) | undefined;
  @state() private tick = 0;

  protected override render() {
    const faults = this.core?.faults;
    if (!faults) return nothing;
    const s = faults.settings;
    const latency = typeof s.latencyMs === 'number' ? s.latencyMs : s.latencyMs[1];
    const failRate = s.failures.find((f) => f.code === 2801)?.rate ?? 0;
    return html`<details>
      <summary>Faults</summary>
      <div class="panel" data-tick=${this.tick}>
        <p>Inject what real networks do, and watch nothing get lost.</p>
        <label>Latency ${latency} ms
          <input type="range" min="0" max="3000" step="100" .value=${String(latency)} @change=${(e: Event) => this.set({ latencyMs: Number((e.target as HTMLInputElement).value) })} />
        </label>
        <label>Sends time out ${Math.round(failRate * 100)}%
          <input type="range" min="0" max="1" step="0.1" .value=${String(failRate)}
            @change=${(e: Event) => this.set({ failures: [{ code: 2801, rate: Number((e.target as HTMLInputElement).value), methods: ['sendMessage', 'resendMessage'] }] })} />
        </label>
        <label>Lose the ack after commit ${Math.round(s.dropAckAfterCommit * 100)}%
          <input type="range" min="0" max="1" step="0.1" .value=${String(s.dropAckAfterCommit)} @change=${(e: Event) => this.set({ dropAckAfterCommit: Number((e.target as HTMLInputElement).value) })} />
        </label>
        <label>Deliver everything twice <input type="checkbox" .checked=${s.deliverTwice} @change=${(e: Event) => this.set({ deliverTwice: (e.target as HTMLInputElement).checked })} /></label>
        <label>Deliver out of order <input type="checkbox" .checked=${s.deliverOutOfOrder} @change=${(e: Event) => this.set({ deliverOutOfOrder: (e.target as HTMLInputElement).checked })} /></label>
        <div class="row">
          <button @click=${() => faults.disconnect()}>Disconnect</button>
          <button @click=${() => faults.reconnect()}>Reconnect</button>
          <button @click=${() => faults.kickOut('multipleDevice')}>Kick out</button>
          <button @click=${() => faults.expireTicket()}>Expire ticket</button>
          <button @click=${() => this.reset()}>Reset</button>
        </div>
      </div>
    </details>`;
  }

  private set(settings: Parameters<FaultControl['set']>[0]) {
    this.core?.faults?.set(settings);
    this.tick++;
  }

  private reset() {
    this.core?.faults?.reset();
    this.tick++;
  }
}

customElements.define('tim-demo-faults', TimDemoFaults);
