export { DashboardPage } from './components/dashboard-page';
export { PinButton } from './components/pin-button';
