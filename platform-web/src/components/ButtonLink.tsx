import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router-dom';

/** A button that goes to a route of the app (one control, not a button inside a link). */
export function ButtonLink({ to, ...props }: ButtonProps & { to: string }) {
  const navigate = useNavigate();
  return <Button {...props} href={to} onClick={(e) => { e.preventDefault(); navigate(to); }} />;
}
