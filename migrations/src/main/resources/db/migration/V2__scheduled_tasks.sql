-- db-scheduler's table (the official PostgreSQL DDL for db-scheduler 16.x). The backend's recurring
-- jobs (releasing due points, expiring inactive points) are rows here; db-scheduler picks a row
-- with an optimistic lock, which is what makes a job run on only one instance at a time.
--
-- Infrastructure, not tenant data: it deliberately has no shop_id, and must not be distributed by
-- shop (under Citus it stays a local table on the coordinator).

create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
