import { Component, type ReactNode } from 'react';

/** A screen that fails to render says so, instead of leaving a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section className="page">
        <h1 tabIndex={-1}>This screen could not be shown</h1>
        <p role="alert">{this.state.error.message}</p>
      </section>
    );
  }
}
