import { Component, type ReactNode } from 'react';

/** A chart that fails (its chunk did not load, odd data) shows its fallback, never the page's error screen. */
export class ChartBoundary extends Component<
  { children: ReactNode; fallback: ReactNode },
  { hasFailed: boolean }
> {
  override state = { hasFailed: false };

  static getDerivedStateFromError() {
    return { hasFailed: true };
  }

  override render() {
    return this.state.hasFailed ? this.props.fallback : this.props.children;
  }
}
