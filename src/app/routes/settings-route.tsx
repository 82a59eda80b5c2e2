import { useSession } from '../../features/auth/session-store';
import { SettingsPage } from '../../features/settings/settings-page';

export default function SettingsRoute() {
  const user = useSession((state) => state.user);
  return (
    <SettingsPage
      organization={user?.organization ?? null}
      requester={user ? { name: user.name, email: user.email } : null}
    />
  );
}
