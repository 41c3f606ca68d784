import { ActionIcon, Menu } from '@mantine/core'
import { IconDots } from '@tabler/icons-react'

export interface NodeMenuItem {
  label: string
  icon?: React.ReactNode
  onClick: () => void
  disabled?: boolean
  danger?: boolean
  title?: string
}

/** The "…" menu of a node of the diagram: a button named after the node, items reachable by keyboard. */
export function NodeMenu({ label, items }: { label: string; items: NodeMenuItem[] }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray.8" aria-label={label}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => (
          <Menu.Item
            key={item.label}
            leftSection={item.icon}
            onClick={item.onClick}
            disabled={item.disabled}
            color={item.danger ? 'red.9' : undefined}
            title={item.title}
          >
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
