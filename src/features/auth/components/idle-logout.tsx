import { useIdleTimer } from '../hooks/use-idle-timer';
import { useSignOut } from '../hooks/use-sign-out';
import { IdleWarning } from './idle-warning';

export function IdleLogout({ minutes }: { minutes: number }) {
  const signOut = useSignOut();
  const { secondsLeft, stayActive } = useIdleTimer(minutes, () => signOut('idle'));
  return secondsLeft === null ? null : <IdleWarning secondsLeft={secondsLeft} onStay={stayActive} />;
}
