import { html } from './html.js';

export function loginPage(error?: string): ReturnType<typeof html> {
  return html`<form class="login" method="post" action="/console/login">
    <h1>Warden review console</h1>
    ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
    <label for="username">Username</label><input id="username" name="username" autocomplete="username" required autofocus />
    <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required />
    <p><button type="submit">Sign in</button></p>
    <p class="muted">This console shows material about harm to children. Media stays blurred until you reveal one item.</p>
  </form>`;
}
